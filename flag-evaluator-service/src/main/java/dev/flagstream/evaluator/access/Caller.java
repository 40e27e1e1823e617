package dev.flagstream.evaluator.access;

/**
 * Who made a request, as its SDK key says. Controller methods may take one as a parameter.
 *
 * @param kind what the key may do
 * @param keyName the key's name, such as {@code client-1} (its kind and position in the
 *     configuration), never the key itself: for limits and logs
 * @param keyInQuery whether the key came as {@code ?key=} rather than in the Authorization header
 */
public record Caller(KeyKind kind, String keyName, boolean keyInQuery) {
  static final String ATTRIBUTE = Caller.class.getName();
}
