package org.opencio.organization;

import java.util.Optional;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;

interface Invitations extends JpaRepository<Invitation, UUID> {

    Optional<Invitation> findByTokenHash(String tokenHash);

    boolean existsByEmailAndStatusAndExpiresAtAfter(String email, InvitationStatus status, java.time.Instant now);
}
