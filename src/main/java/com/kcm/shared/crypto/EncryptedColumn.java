package com.kcm.shared.crypto;

/**
 * A column of ciphertexts a module stores, for the key check ({@link EncryptionCheck}): {@code query} selects the
 * ciphertext as its first column and, when {@code hashPrefix} is given, the stored lookup hash as its second — the
 * hash must then equal {@link PersonalDataCipher#lookupHash} of the prefix plus the decrypted value.
 */
public record EncryptedColumn(String name, String query, String hashPrefix) {
}
