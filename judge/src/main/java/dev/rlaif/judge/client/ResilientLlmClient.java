package dev.rlaif.judge.client;

import io.github.resilience4j.bulkhead.Bulkhead;
import io.github.resilience4j.bulkhead.BulkheadConfig;
import io.github.resilience4j.bulkhead.BulkheadFullException;
import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.core.IntervalFunction;
import io.github.resilience4j.ratelimiter.RateLimiter;
import io.github.resilience4j.ratelimiter.RateLimiterConfig;
import io.github.resilience4j.ratelimiter.RequestNotPermitted;
import io.github.resilience4j.retry.Retry;
import io.github.resilience4j.retry.RetryConfig;
import java.time.Duration;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Wraps any {@link LlmClient} in Resilience4j, outermost first: retry (exponential backoff with
 * jitter, at least the server's {@code Retry-After}), circuit breaker, rate limiter, bulkhead.
 * Retry sits outside so that a call waiting out its backoff holds no concurrency slot.
 *
 * <p>A call that still fails after its retries throws {@link JudgeException} with the last failure
 * as its cause and the attempt count; it never returns a substitute answer.
 */
public final class ResilientLlmClient implements LlmClient {

    private static final Logger LOG = LoggerFactory.getLogger(ResilientLlmClient.class);

    /** Failures that say the server is unwell; 429s and bad requests do not open the circuit. */
    private static final Set<JudgeFailure> UNHEALTHY = EnumSet.of(JudgeFailure.SERVER_ERROR, JudgeFailure.TIMEOUT,
            JudgeFailure.CONNECTION, JudgeFailure.MALFORMED_RESPONSE);

    private final LlmClient delegate;
    private final JudgeEndpoint endpoint;
    private final Retry retry;
    private final CircuitBreaker circuitBreaker;
    private final RateLimiter rateLimiter;
    private final Bulkhead bulkhead;

    public ResilientLlmClient(LlmClient delegate, JudgeEndpoint endpoint) {
        this.delegate = delegate;
        this.endpoint = endpoint;
        String name = "judge-" + endpoint.model();
        IntervalFunction backoff = IntervalFunction.ofExponentialRandomBackoff(endpoint.initialBackoff(),
                endpoint.backoffMultiplier(), endpoint.jitter(), endpoint.maxBackoff());
        this.retry = Retry.of(name, RetryConfig.<Completion>custom()
                .maxAttempts(endpoint.maxAttempts())
                .retryOnException(t -> t instanceof JudgeException e && e.retryable())
                .intervalBiFunction((attempt, outcome) -> waitMillis(backoff.apply(attempt),
                        outcome.isLeft() ? outcome.getLeft() : null, endpoint.maxRetryAfter()))
                .build());
        this.circuitBreaker = CircuitBreaker.of(name, CircuitBreakerConfig.custom()
                .failureRateThreshold(endpoint.circuitFailureRatePercent())
                .slidingWindowSize(endpoint.circuitWindow())
                .minimumNumberOfCalls(endpoint.circuitMinimumCalls())
                .waitDurationInOpenState(endpoint.circuitOpenFor())
                .recordException(t -> t instanceof JudgeException e && UNHEALTHY.contains(e.failure()))
                .ignoreException(t -> t instanceof JudgeException e && !UNHEALTHY.contains(e.failure()))
                .build());
        this.rateLimiter = endpoint.ratePerSecond() > 0 ? RateLimiter.of(name, rateLimit(endpoint)) : null;
        this.bulkhead = Bulkhead.of(name, BulkheadConfig.custom()
                .maxConcurrentCalls(endpoint.maxConcurrency())
                .maxWaitDuration(endpoint.acquireTimeout())
                .build());
        retry.getEventPublisher().onRetry(event -> LOG.debug("judge call retry {} after {} waiting {}",
                event.getNumberOfRetryAttempts(), event.getLastThrowable().getMessage(), event.getWaitInterval()));
    }

    /** The longer of the computed backoff and the server's {@code Retry-After} (capped). */
    static long waitMillis(long backoffMillis, Throwable failure, Duration maxRetryAfter) {
        if (failure instanceof JudgeException e && e.retryAfter().isPresent()) {
            long asked = Math.min(e.retryAfter().get().toMillis(), maxRetryAfter.toMillis());
            return Math.max(backoffMillis, asked);
        }
        return backoffMillis;
    }

    /** Smooth permits: about ten refreshes per second for high rates, one permit per period for low ones. */
    private static RateLimiterConfig rateLimit(JudgeEndpoint endpoint) {
        double rate = endpoint.ratePerSecond();
        int perPeriod = (int) Math.max(1, Math.round(rate / 10));
        long periodNanos = Math.max(1_000_000L, Math.round(perPeriod / rate * 1e9));
        return RateLimiterConfig.custom()
                .limitForPeriod(perPeriod)
                .limitRefreshPeriod(Duration.ofNanos(periodNanos))
                .timeoutDuration(endpoint.acquireTimeout())
                .build();
    }

    @Override
    public Completion complete(CompletionRequest request) {
        AtomicInteger attempts = new AtomicInteger();
        Supplier<Completion> call = () -> delegate.complete(request);
        call = Bulkhead.decorateSupplier(bulkhead, call);
        if (rateLimiter != null) {
            call = RateLimiter.decorateSupplier(rateLimiter, call);
        }
        call = CircuitBreaker.decorateSupplier(circuitBreaker, call);
        Supplier<Completion> counted = call;
        Supplier<Completion> retried = Retry.decorateSupplier(retry, () -> {
            attempts.incrementAndGet();
            return counted.get();
        });
        long start = System.nanoTime();
        try {
            Completion completion = retried.get();
            return completion.withTiming(Duration.ofNanos(System.nanoTime() - start), attempts.get());
        } catch (JudgeException e) {
            throw attempts.get() > 1 ? e.afterAttempts(attempts.get()) : e;
        } catch (CallNotPermittedException e) {
            throw new JudgeException(JudgeFailure.CIRCUIT_OPEN, "circuit breaker " + circuitBreaker.getName()
                    + " is open after repeated failures", e, 0, null, attempts.get());
        } catch (BulkheadFullException | RequestNotPermitted e) {
            throw new JudgeException(JudgeFailure.LOCAL_CAPACITY, "no slot within " + endpoint.acquireTimeout(), e,
                    0, null, attempts.get());
        }
    }

    @Override
    public String model() {
        return delegate.model();
    }

    public JudgeEndpoint endpoint() {
        return endpoint;
    }

    public Retry retry() {
        return retry;
    }

    public CircuitBreaker circuitBreaker() {
        return circuitBreaker;
    }

    public Bulkhead bulkhead() {
        return bulkhead;
    }

    public Optional<RateLimiter> rateLimiter() {
        return Optional.ofNullable(rateLimiter);
    }

    /** Calls holding a concurrency slot right now. */
    public int inFlight() {
        return endpoint.maxConcurrency() - bulkhead.getMetrics().getAvailableConcurrentCalls();
    }

    @Override
    public void close() {
        delegate.close();
    }
}
