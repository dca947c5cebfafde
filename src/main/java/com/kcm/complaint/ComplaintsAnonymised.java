package com.kcm.complaint;

import java.util.List;

/**
 * The personal data of these complaints was anonymised by the retention job (SPEC §8); published in its
 * transaction so modules holding copies (the major-complaint dossier) anonymise theirs in the same commit.
 */
public record ComplaintsAnonymised(List<Long> complaintIds) {
}
