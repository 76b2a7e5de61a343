#include "domain/queue/ticket_order.hpp"

#include <gtest/gtest.h>

namespace motcua::queue {
namespace {

TEST(TicketOrder, PriorityGroupIsServedBeforeEarlierNumbers) {
  const std::vector<WaitingTicket> waiting{{1, false}, {2, false}, {7, true}, {3, false}};
  EXPECT_EQ(next_ticket(waiting), 2u);
}

TEST(TicketOrder, WithinAGroupTheLowerNumberFirst) {
  EXPECT_EQ(next_ticket({{5, false}, {3, false}, {4, false}}), 1u);
  EXPECT_EQ(next_ticket({{9, true}, {8, true}, {1, false}}), 1u);
}

TEST(TicketOrder, NothingWaiting) { EXPECT_EQ(next_ticket({}), std::nullopt); }

TEST(TicketOrder, ServedBeforeIsAStrictOrder) {
  EXPECT_TRUE(served_before({10, true}, {1, false}));
  EXPECT_FALSE(served_before({1, false}, {10, true}));
  EXPECT_FALSE(served_before({4, false}, {4, false}));
}

TEST(TicketOrder, LabelsAndVoiceText) {
  EXPECT_EQ(ticket_label(123), "0123");
  EXPECT_EQ(ticket_label(12345), "12345");
  EXPECT_EQ(call_text_vi(123, 2), "Mời số 0123 đến quầy số 2");
}

}  // namespace
}  // namespace motcua::queue
