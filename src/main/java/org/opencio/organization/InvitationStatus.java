package org.opencio.organization;

public enum InvitationStatus {
    PENDING,
    ACCEPTED,
    REVOKED
}
