/** Published: jobs that run on one instance of the cluster at a time, and the live instances. */
@org.springframework.modulith.NamedInterface("jobs")
package com.kcm.shared.jobs;
