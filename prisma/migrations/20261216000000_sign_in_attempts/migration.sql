-- Sign-in attempts are counted per email before the password is checked, in one statement that
-- increments and returns the count (docs/security.md): a row per email replaces the row per
-- failure, which was counted after checking and let concurrent guesses past the lock.
DROP TABLE "sign_in_failure";

CREATE TABLE "sign_in_attempt" (
    "email" TEXT NOT NULL,
    "window_started_at" TIMESTAMPTZ(6) NOT NULL,
    "attempts" INTEGER NOT NULL,
    "locked_until" TIMESTAMPTZ(6),
    CONSTRAINT "sign_in_attempt_pkey" PRIMARY KEY ("email")
);

-- rate-limiter-flexible's table (RateLimiterPostgres) for the requests of one client address to
-- the public routes (sign-in, setup); created here rather than by the library at run time.
CREATE TABLE "rate_limit" (
    "key" VARCHAR(255) NOT NULL,
    "points" INTEGER NOT NULL DEFAULT 0,
    "expire" BIGINT,
    CONSTRAINT "rate_limit_pkey" PRIMARY KEY ("key")
);
