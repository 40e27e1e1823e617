package dev.flagstream.admin.account;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;

/**
 * Whom a sign-in attempt counts against: the account, named by a hash of its email so that no
 * typed-in address is stored, and the source address, an IPv6 address by its /64 network since one
 * host commonly holds a whole one.
 *
 * @param emailHash the first 16 hex digits of the SHA-256 of the normalized email, for logs
 */
record SignInSubjects(String account, String address, String emailHash) {

  static SignInSubjects of(String normalizedEmail, String remoteAddress) {
    String hash = sha256(normalizedEmail);
    return new SignInSubjects(
        "account:" + hash, "address:" + network(remoteAddress), hash.substring(0, 16));
  }

  /** The address as throttled: itself for IPv4, its /64 network for IPv6. */
  static String network(String remoteAddress) {
    if (!remoteAddress.contains(":")) {
      return remoteAddress;
    }
    try {
      // a literal, as the container reports it: no name is looked up
      InetAddress address = InetAddress.getByName(remoteAddress);
      if (address instanceof Inet6Address) {
        byte[] bytes = address.getAddress();
        Arrays.fill(bytes, 8, 16, (byte) 0);
        return InetAddress.getByAddress(bytes).getHostAddress() + "/64";
      }
      return address.getHostAddress();
    } catch (UnknownHostException e) {
      return remoteAddress;
    }
  }

  private static String sha256(String text) {
    try {
      MessageDigest digest = MessageDigest.getInstance("SHA-256");
      return HexFormat.of().formatHex(digest.digest(text.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java platform has SHA-256", e);
    }
  }
}
