#include "domain/dossier/tracking_secret.hpp"

#include <gtest/gtest.h>

namespace motcua::dossier {
namespace {

TEST(TrackingSecret, TypedFormsThatPeopleMisreadStillMatch) {
  EXPECT_TRUE(tracking_secret_matches("7K3M0P1Q", "7K3M0P1Q"));
  EXPECT_TRUE(tracking_secret_matches("7K3M0P1Q", "7k3m-0p1q"));
  EXPECT_TRUE(tracking_secret_matches("7K3M0P1Q", " 7K3M OPIQ "));
  EXPECT_TRUE(tracking_secret_matches("7K3M0P1Q", "7K3MoPlQ"));
}

TEST(TrackingSecret, AnythingElseDoesNotMatch) {
  EXPECT_FALSE(tracking_secret_matches("7K3M0P1Q", ""));
  EXPECT_FALSE(tracking_secret_matches("7K3M0P1Q", "7K3M0P1R"));
  EXPECT_FALSE(tracking_secret_matches("7K3M0P1Q", "7K3M0P1"));
  EXPECT_FALSE(tracking_secret_matches("7K3M0P1Q", "7K3M0P1QQ"));
  // A dossier without a secret (never the case after migration 0050) is never found by guessing.
  EXPECT_FALSE(tracking_secret_matches("", ""));
}

}  // namespace
}  // namespace motcua::dossier
