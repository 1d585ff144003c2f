package com.exqress.identity;

import com.exqress.platform.web.ApiProblem;
import com.exqress.platform.web.BlockingWork;
import com.exqress.waybill.api.Actor;
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

    @PostMapping(path = "/auth/logout", consumes = MediaType.APPLICATION_JSON_VALUE)
    Mono<ResponseEntity<Void>> logout(@Valid @RequestBody RefreshTokenRequest request) {
        return blocking.call(() -> {
            refreshTokens.revokeFamilyOf(request.refreshToken());
            return ResponseEntity.noContent().build();
        });
    }

    @GetMapping(path = "/auth/me", produces = MediaType.APPLICATION_JSON_VALUE)
    CallerResponse me(Actor actor) {
        return CallerResponse.of(actor);
    }

    /** The public keys of the access tokens, for services run apart from this process. */
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
