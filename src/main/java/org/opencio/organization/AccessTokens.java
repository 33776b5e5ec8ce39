package org.opencio.organization;

import java.util.List;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;

interface AccessTokens extends JpaRepository<AccessToken, UUID> {

    List<AccessToken> findByAccountIdOrderByCreatedAtDesc(UUID accountId);
}
