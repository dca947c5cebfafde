/** Published: checked uploads and the file store. */
@org.springframework.modulith.NamedInterface("files")
package com.kcm.shared.files;
