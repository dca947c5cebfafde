/**
 * Closed-loop complaint handling (SPEC §4): complaints and repair requests, their work orders at the
 * dealers, replies, callbacks, transfers, re-dispatches, forced closures and escalations, each move an
 * event in the complaint's timeline. The {@link com.kcm.complaint.Complaint} aggregate owns the life
 * cycle; services only load, call one intention-named method and save.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Complaints")
package com.kcm.complaint;
