/**
 * Shared infrastructure, not a business module: page layout and navigation, API error answers,
 * the personal-data cipher, masking, the xlsx/CSV readers and writers, and the caches (Caffeine behind
 * Spring's cache abstraction, all configured in cache.Caches). Kept small on purpose.
 */
@org.springframework.modulith.ApplicationModule(type = org.springframework.modulith.ApplicationModule.Type.OPEN)
package com.kcm.shared;
