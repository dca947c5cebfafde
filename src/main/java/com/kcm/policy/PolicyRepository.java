package com.kcm.policy;

import org.springframework.data.jpa.repository.JpaRepository;

interface PolicyRepository extends JpaRepository<PolicyRecord, Long> {
}
