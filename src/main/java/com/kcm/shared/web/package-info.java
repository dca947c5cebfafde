/**
 * Published: the menu items, home-page tiles, layout model, messages and paged API answers; the error mapping
 * stays inside.
 */
@org.springframework.modulith.NamedInterface("web")
package com.kcm.shared.web;
