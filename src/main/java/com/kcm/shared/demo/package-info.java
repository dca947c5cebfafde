/** Published: the demo data of each module, loaded in order at start-up when {@code kcm.demo=true}. */
@org.springframework.modulith.NamedInterface("demo")
package com.kcm.shared.demo;
