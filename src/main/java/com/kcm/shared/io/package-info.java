/** Published: the xlsx and CSV import reader, its column checks, and the streaming xlsx writer. */
@org.springframework.modulith.NamedInterface("io")
package com.kcm.shared.io;
