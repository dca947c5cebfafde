/** Published: PDF documents with the embedded CJK font. */
@org.springframework.modulith.NamedInterface("pdf")
package com.kcm.shared.pdf;
