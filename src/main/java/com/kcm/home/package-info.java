/** The home page of each role: the figures the modules contribute for the signed-in user. */
@org.springframework.modulith.ApplicationModule(displayName = "Home")
package com.kcm.home;
