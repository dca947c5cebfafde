/** Published: the Caffeine caches, all declared in Caches, and expiry per entry. */
@org.springframework.modulith.NamedInterface("cache")
package com.kcm.shared.cache;
