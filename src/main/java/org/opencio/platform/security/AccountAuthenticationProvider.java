package org.opencio.platform.security;

import java.util.Locale;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.DisabledException;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.crypto.password.PasswordEncoder;

/** Password sign-in, refused while the email is throttled. */
class AccountAuthenticationProvider extends DaoAuthenticationProvider {

    private final LoginThrottle throttle;

    AccountAuthenticationProvider(IdentityDirectory directory, PasswordEncoder encoder, LoginThrottle throttle) {
        super(userDetailsService(directory));
        setPasswordEncoder(encoder);
        this.throttle = throttle;
    }

    private static UserDetailsService userDetailsService(IdentityDirectory directory) {
        return email -> directory
                .findByEmail(email.trim().toLowerCase(Locale.ROOT))
                .filter(p -> p.getPassword() != null)
                .orElseThrow(() -> new UsernameNotFoundException("unknown"));
    }

    @Override
    public Authentication authenticate(Authentication authentication) throws AuthenticationException {
        if (throttle.isLocked(authentication.getName())) {
            throw new LockedException("too many failed sign-ins; try again later");
        }
        try {
            return super.authenticate(authentication);
        } catch (DisabledException e) {
            // An inactive account is told the same as a wrong password, so sign-in reveals nothing.
            throw new BadCredentialsException("bad credentials");
        }
    }
}
