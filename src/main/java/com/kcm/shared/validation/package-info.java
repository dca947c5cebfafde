/**
 * Published to the modules: Bean Validation constraints for command fields (required, stripped length, no control
 * characters) and {@code FieldChecks}, which turns their violations into the API's error entries.
 */
@org.springframework.modulith.NamedInterface("validation")
package com.kcm.shared.validation;
