/**
 * Shared infrastructure, not a business module: page layout and navigation, API error answers,
 * the personal-data cipher, masking, and the xlsx/CSV readers and writers. Kept small on purpose.
 */
@org.springframework.modulith.ApplicationModule(type = org.springframework.modulith.ApplicationModule.Type.OPEN)
package com.kcm.shared;
