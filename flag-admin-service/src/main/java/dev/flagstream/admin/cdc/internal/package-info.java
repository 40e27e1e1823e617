/** Plumbing the CDC engine instantiates by class name; not for use elsewhere. */
@NullMarked
package dev.flagstream.admin.cdc.internal;

import org.jspecify.annotations.NullMarked;
