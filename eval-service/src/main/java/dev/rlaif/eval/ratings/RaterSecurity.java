package dev.rlaif.eval.ratings;

import dev.rlaif.eval.EvalProperties;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.csrf.CookieCsrfTokenRepository;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.security.web.csrf.CsrfTokenRequestAttributeHandler;
import org.springframework.security.web.csrf.CsrfFilter;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Who may rate. Human raters sign in with their name and the raters' passcode ({@code POST /api/login},
 * a session cookie that is HttpOnly and SameSite=Strict, Secure behind TLS); their state-changing
 * requests carry the CSRF token from the {@code XSRF-TOKEN} cookie. The simulated raters, automated
 * clients, authenticate every request with HTTP Basic; a request with an {@code Authorization} header
 * is exempt from CSRF, since a browser never attaches one across sites. The rating page's answers
 * ({@code /rate/tasks/**}) need a signed-in rater too. Everything else (the pages,
 * the read APIs, the machine API {@code /api/evaluations}, actuator) is open as in the other services.
 */
@Configuration
public class RaterSecurity {

    static final String ROLE = "RATER";

    @Bean
    SecurityFilterChain raterSecurityChain(HttpSecurity http) throws Exception {
        http.authorizeHttpRequests(requests -> requests
                        .requestMatchers("/api/ratings/**", "/rate/tasks/**").hasRole(ROLE)
                        .anyRequest().permitAll())
                .csrf(csrf -> csrf
                        .csrfTokenRepository(CookieCsrfTokenRepository.withHttpOnlyFalse())
                        .csrfTokenRequestHandler(new CsrfTokenRequestAttributeHandler())
                        .ignoringRequestMatchers("/api/evaluations", "/api/evaluations/**")
                        .ignoringRequestMatchers(request -> request.getHeader("Authorization") != null))
                .addFilterAfter(new CsrfCookieFilter(), CsrfFilter.class)
                .formLogin(login -> login
                        .loginProcessingUrl("/api/login")
                        .successHandler((request, response, authentication) -> noContent(request, response))
                        .failureHandler((request, response, exception) -> response.sendError(HttpStatus.UNAUTHORIZED.value())))
                .logout(logout -> logout.logoutUrl("/api/logout")
                        .logoutSuccessHandler((request, response, authentication) -> noContent(request, response)))
                .httpBasic(Customizer.withDefaults())
                // a 401 without a WWW-Authenticate challenge: browsers never cache Basic credentials for this site
                .exceptionHandling(errors -> errors.authenticationEntryPoint((request, response, exception) -> {
                    reloadThePage(request, response);
                    response.setStatus(HttpStatus.UNAUTHORIZED.value());
                }));
        return http.build();
    }

    /** Sign-in and sign-out answer 204; the rating page (an htmx request) reloads to show the new state and CSRF token. */
    private static void noContent(HttpServletRequest request, HttpServletResponse response) {
        reloadThePage(request, response);
        response.setStatus(HttpStatus.NO_CONTENT.value());
    }

    /** Tells htmx to reload the page: after sign-in or sign-out, or when the session has ended (it then shows the sign-in form). */
    private static void reloadThePage(HttpServletRequest request, HttpServletResponse response) {
        if ("true".equals(request.getHeader("HX-Request"))) {
            response.setHeader("HX-Refresh", "true");
        }
    }

    @Bean
    PasswordEncoder passwordEncoder() {
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }

    /**
     * Any well-formed rater name signs in with the raters' passcode; names with the simulated prefix are
     * reserved for the simulated raters and their secret.
     */
    @Bean
    UserDetailsService raters(EvalProperties properties, PasswordEncoder encoder) {
        String humans = properties.raterPasscode().isBlank() ? null : encoder.encode(properties.raterPasscode());
        String simulated = encoder.encode(properties.simulatedRaterSecret());
        return name -> {
            if (!name.matches(RatingAnswer.RATER_ID)) {
                throw new UsernameNotFoundException("not a rater name");
            }
            String password = name.startsWith(Raters.SIMULATED_PREFIX) ? simulated : humans;
            if (password == null) {
                throw new BadCredentialsException("human sign-in is off: no rater passcode is configured");
            }
            return new User(name, password, List.of(new SimpleGrantedAuthority("ROLE_" + ROLE)));
        };
    }

    /** Loads the deferred CSRF token on every request so that the cookie is (re)written, also right after sign-in. */
    static final class CsrfCookieFilter extends OncePerRequestFilter {
        @Override
        protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                throws ServletException, IOException {
            CsrfToken token = (CsrfToken) request.getAttribute(CsrfToken.class.getName());
            if (token != null) {
                token.getToken();
            }
            chain.doFilter(request, response);
        }
    }
}
