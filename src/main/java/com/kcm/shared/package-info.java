/**
 * Shared infrastructure, not a business module: page layout and navigation, API error answers,
 * the personal-data cipher, masking, the xlsx/CSV readers and writers, and the caches (Caffeine behind
 * Spring's cache abstraction, all configured in cache.Caches). Kept small on purpose. Other modules use
 * this package (Masking, TimeConfig) and the named interfaces declared by the sub-packages: sql, jobs,
 * cache, web, crypto, files, io, domain, pdf and demo.
 */
@org.springframework.modulith.ApplicationModule
package com.kcm.shared;
