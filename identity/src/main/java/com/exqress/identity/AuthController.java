package com.exqress.identity;

import com.exqress.platform.apidoc.Access;
import com.exqress.platform.apidoc.Problems;
import com.exqress.platform.web.ApiProblem;
import com.exqress.platform.web.BlockingWork;
import com.exqress.waybill.api.Actor;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import jakarta.validation.Valid;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

import java.net.InetSocketAddress;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import static com.exqress.platform.web.ProblemCode.INVALID_CREDENTIALS;
import static com.exqress.platform.web.ProblemCode.INVALID_REFRESH_TOKEN;
import static com.exqress.platform.web.ProblemCode.REFRESH_TOKEN_REUSED;
import static com.exqress.platform.web.ProblemCode.TOO_MANY_LOGIN_ATTEMPTS;
import static com.exqress.waybill.api.Role.AUDITOR;
import static com.exqress.waybill.api.Role.CARRIER_ADMIN;
import static com.exqress.waybill.api.Role.COURIER;
import static com.exqress.waybill.api.Role.CUSTOMER;
import static com.exqress.waybill.api.Role.PLATFORM_ADMIN;

/** Login, refresh and logout of the embedded identity service. */
@RestController
class AuthController {

    private final AccountStore accounts;
    private final PasswordEncoder passwords;
    private final AccessTokens accessTokens;
    private final RefreshTokens refreshTokens;
    private final LoginThrottle throttle;
    private final BlockingWork blocking;
    /** Checked when the account does not exist, so a wrong user name takes as long as a wrong password. */
    private final String decoyHash;

    AuthController(AccountStore accounts, PasswordEncoder passwords, AccessTokens accessTokens,
                   RefreshTokens refreshTokens, LoginThrottle throttle, BlockingWork blocking) {
        this.accounts = accounts;
        this.passwords = passwords;
        this.accessTokens = accessTokens;
        this.refreshTokens = refreshTokens;
        this.throttle = throttle;
        this.blocking = blocking;
        this.decoyHash = passwords.encode(UUID.randomUUID().toString());
    }

    @Operation(summary = "Log in with user name and password: an access token and a refresh token")
    @Access(anonymous = true)
    @Problems({INVALID_CREDENTIALS, TOO_MANY_LOGIN_ATTEMPTS})
    @PostMapping(path = "/auth/login", consumes = MediaType.APPLICATION_JSON_VALUE, produces = MediaType.APPLICATION_JSON_VALUE)
    Mono<ResponseEntity<TokenResponse>> login(@Valid @RequestBody LoginRequest request, ServerWebExchange exchange) {
        String address = addressOf(exchange);
        return blocking.call(() -> {
            throttle.waitBefore(request.username(), address).ifPresent(wait -> {
                throw ApiProblem.tooManyRequests("TOO_MANY_LOGIN_ATTEMPTS", "too many failed logins; try again later", wait);
            });
            Optional<Account> account = accounts.find(request.username());
            String hash = account.map(Account::passwordHash).orElse(decoyHash);
            if (!passwords.matches(request.password(), hash) || account.isEmpty()) {
                throttle.failed(request.username(), address);
                throw new ApiProblem(HttpStatus.UNAUTHORIZED, "INVALID_CREDENTIALS", "wrong user name or password");
            }
            throttle.succeeded(request.username());
            return tokens(account.get(), refreshTokens.startFamily(account.get().username()));
        });
    }

    @Operation(summary = "Swap a refresh token for a new pair of tokens")
    @Access(anonymous = true)
    @Problems({INVALID_REFRESH_TOKEN, REFRESH_TOKEN_REUSED})
    @PostMapping(path = "/auth/refresh", consumes = MediaType.APPLICATION_JSON_VALUE, produces = MediaType.APPLICATION_JSON_VALUE)
    Mono<ResponseEntity<TokenResponse>> refresh(@Valid @RequestBody RefreshTokenRequest request) {
        return blocking.call(() -> {
            RefreshTokens.Rotation rotation = refreshTokens.rotate(request.refreshToken());
            if (rotation instanceof RefreshTokens.Rotated rotated) {
                Account account = accounts.find(rotated.username()).orElseThrow(AuthController::invalidRefresh);
                return tokens(account, rotated.refreshToken());
            }
            if (rotation instanceof RefreshTokens.Reused) {
                throw new ApiProblem(HttpStatus.UNAUTHORIZED, "REFRESH_TOKEN_REUSED",
                        "this refresh token was used before; every session it belonged to has ended, log in again");
            }
            throw invalidRefresh();
        });
    }

    @Operation(summary = "End the session of a refresh token (and its family)")
    @Access(anonymous = true)
    @ApiResponse(responseCode = "204", description = "the session ended (or had ended before)")
    @PostMapping(path = "/auth/logout", consumes = MediaType.APPLICATION_JSON_VALUE)
    Mono<ResponseEntity<Void>> logout(@Valid @RequestBody RefreshTokenRequest request) {
        return blocking.call(() -> {
            refreshTokens.revokeFamilyOf(request.refreshToken());
            return ResponseEntity.noContent().build();
        });
    }

    @Operation(summary = "Who the access token belongs to: account, role, carrier and hub")
    @Access(value = {CUSTOMER, COURIER, CARRIER_ADMIN, PLATFORM_ADMIN, AUDITOR}, rule = "any signed-in user")
    @GetMapping(path = "/auth/me", produces = MediaType.APPLICATION_JSON_VALUE)
    CallerResponse me(Actor actor) {
        return CallerResponse.of(actor);
    }

    /** The public keys of the access tokens, for services run apart from this process. */
    @Operation(summary = "The public keys that verify the embedded identity service's access tokens")
    @Access(anonymous = true)
    @GetMapping(path = "/auth/jwks.json", produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<Map<String, Object>> publicKeys() {
        return ResponseEntity.ok().cacheControl(CacheControl.noCache()).body(accessTokens.publicKeys().toJSONObject());
    }

    private ResponseEntity<TokenResponse> tokens(Account account, String refreshToken) {
        TokenResponse body = new TokenResponse(accessTokens.issue(account), "Bearer", accessTokens.lifetimeSeconds(),
                refreshToken);
        return ResponseEntity.ok().cacheControl(CacheControl.noStore()).body(body);
    }

    private static ApiProblem invalidRefresh() {
        return new ApiProblem(HttpStatus.UNAUTHORIZED, "INVALID_REFRESH_TOKEN", "this refresh token is unknown, expired or revoked");
    }

    private static String addressOf(ServerWebExchange exchange) {
        InetSocketAddress remote = exchange.getRequest().getRemoteAddress();
        return remote == null || remote.getAddress() == null ? "unknown" : remote.getAddress().getHostAddress();
    }
}
