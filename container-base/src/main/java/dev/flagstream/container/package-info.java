/**
 * Flagstream's container base image, assembled from Debian packages without a container engine or
 * registry ({@link BaseImageBuild}), the health check every service image runs ({@link
 * HealthCheck}), and what tests need to look into image archives and run them ({@link
 * ImageArchive}, {@link ImageProcess}). A build tool: never in a service's jar.
 */
@NullMarked
package dev.flagstream.container;

import org.jspecify.annotations.NullMarked;
