/**
 * The post-deploy smoke suite: {@link dev.flagstream.smoke.SmokeSuite} runs its checks against a
 * {@link dev.flagstream.smoke.SmokeTarget} and returns a {@link dev.flagstream.smoke.SmokeReport};
 * {@link dev.flagstream.smoke.RunSmoke} is the command behind {@code e2e/smoke/run-smoke.sh}.
 */
@NullMarked
package dev.flagstream.smoke;

import org.jspecify.annotations.NullMarked;
