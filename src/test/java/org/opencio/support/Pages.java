package org.opencio.support;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;

import jakarta.servlet.http.Cookie;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

/** Signing in through the real login form, as a browser does, for page tests that need a session. */
public final class Pages {

    public static final String SESSION_COOKIE = "OPENCIO_SESSION";

    private Pages() {}

    /** Posts the login form; the answer is a redirect to the start page, or back to the form when refused. */
    public static MvcResult login(MockMvc mvc, String email, String password) throws Exception {
        return mvc.perform(formLogin("/login").userParameter("email").user(email).password(password))
                .andReturn();
    }

    /** Signs in and answers the session cookie the browser would send from then on. */
    public static Cookie signIn(MockMvc mvc, String email, String password) throws Exception {
        MvcResult result = login(mvc, email, password);
        if (!"/".equals(result.getResponse().getRedirectedUrl())) {
            throw new AssertionError(
                    "sign-in of " + email + " was refused: " + result.getResponse().getRedirectedUrl());
        }
        Cookie session = result.getResponse().getCookie(SESSION_COOKIE);
        if (session == null) {
            throw new AssertionError("sign-in did not set the " + SESSION_COOKIE + " cookie");
        }
        return session;
    }
}
