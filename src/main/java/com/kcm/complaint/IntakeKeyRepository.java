package com.kcm.complaint;

import org.springframework.data.jpa.repository.JpaRepository;

interface IntakeKeyRepository extends JpaRepository<IntakeKey, String> {
}
