/** Published: the domain, validation and not-found exceptions and their violations. */
@org.springframework.modulith.NamedInterface("domain")
package com.kcm.shared.domain;
