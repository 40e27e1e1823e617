package dev.flagstream.admin.cdc;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * What the start-up check found of the flag topic.
 *
 * @param refusal why nothing may be published to it, because it would lose flags; null when it may
 * @param weaknesses settings below what {@code flags.kafka} asks for, under which publishing goes
 *     on but an acknowledged change is less safe
 * @param maxMessageBytes the largest record batch the topic accepts
 */
record TopicVerdict(@Nullable String refusal, List<String> weaknesses, int maxMessageBytes) {
  TopicVerdict {
    weaknesses = List.copyOf(weaknesses);
  }
}
