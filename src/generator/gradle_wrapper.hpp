// The Gradle wrapper every generated project carries, so that `./gradlew build` is the one
// command: the jar the build assembled from Debian's libgradle-core-java (linked in as data,
// scripts/gradle_wrapper_jar.sh), the properties that pin the Gradle release Fabric Loom needs
// with its SHA-256, and our own short gradlew and gradlew.bat.
#pragma once

#include <string>

namespace modforge
{
  // Gradle 8.7, the release Fabric's own example mod pairs with Loom 1.6 (which needs 8.6 or
  // later), and the SHA-256 of gradle-8.7-bin.zip as Gradle publishes it.
  extern const char* const gradle_version;
  extern const char* const gradle_distribution_sha256;

  // The bytes of gradle/wrapper/gradle-wrapper.jar.
  std::string gradle_wrapper_jar ();

  // gradle/wrapper/gradle-wrapper.properties.
  std::string gradle_wrapper_properties ();

  // gradlew (POSIX sh; the zip marks it executable) and gradlew.bat (CRLF line ends).
  std::string gradlew_script ();
  std::string gradlew_bat_script ();
}
