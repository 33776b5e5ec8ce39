package org.opencio.organization;

/** A new personal access token; {@code secret} is shown this once and never again. */
public record CreatedToken(TokenView token, String secret) {}
