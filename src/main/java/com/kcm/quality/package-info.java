/**
 * Repair orders and the 三包 watch (SPEC §7.8, Appendix A.2): repair orders imported from the dealers'
 * systems, the flags of SAMR Order 43 computed as of any instant by {@link com.kcm.quality.SanbaoWatch},
 * the list of flagged vehicles, and {@link com.kcm.quality.SanbaoFlagReached} when a flag turns reached.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Quality and 三包")
package com.kcm.quality;
