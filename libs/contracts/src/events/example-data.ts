// Ids shared by the events' examples, so that the AsyncAPI document tells one consistent story:
// Surabaya and Kitakyushu, Green Sister Cities since 2012, and the Takakura composting method that
// moved from one to the other; Da Nang joining the forum's City to City Cooperation commission, which
// met in Surabaya and adopted a declaration whose follow-up actions the commission tracks.

export const EXAMPLE_IDS = {
  surabaya: '5b0f6d8e-3c47-4a1e-9d2b-7e6f1a2c8b41',
  kitakyushu: 'c3a9e2d4-6f18-4b7c-8e5a-0d2f9b4c1e73',
  daNang: '8e4d1c2b-9a7f-4e36-b5d0-3f6a2e1c9d58',
  daNangDuplicate: '0b6c3e9f-5d21-4f7a-8c4e-1a9d2b7f6e35',
  partnership: 'f2b7c9d1-4e8a-4c3f-a6b2-9d5e1f7a3c20',
  activity: '1d9e4f6a-2b3c-4d8e-9f0a-6c7b5e2d1a94',
  bestPractice: 'a7c5e3b1-8d2f-4a6e-b9c4-2e1f0d3a5b86',
  actor: '64e2a1f9-0c3d-4b5e-8a7f-9d1c2b3e4f50',
  secretariatOfficer: 'd81f3a5c-7b2e-4c9d-a6f0-5e3b1c8d2a47',
  cityToCityCommission: '3f8a1c5e-9b2d-4e7f-a0c6-8d4b2e1f7a39',
  commonChallengesCommission: '7c2e9a4f-1d6b-4f3a-8e5c-0b9d3a6f2e14',
  membershipRequest: 'e5b3d7f1-2a4c-4e6b-9d8f-1c3a5e7b9d20',
  rejectedMembershipRequest: '2d4f6b8a-0c1e-4a3d-b5f7-9e2c4a6d8b13',
  meeting: '9a1c3e5b-7d2f-4b6a-8c0e-4f6a8c1e3b57',
  resolution: '4b6d8f0a-2c3e-4d5f-9a7b-6e8c0a2d4f91',
  action: 'b8d0f2a4-6c7e-4a9b-8d1f-3a5c7e9b1d62',
  secondAction: '6e8a0c2d-4f5b-4c7d-9e1a-2b4d6f8a0c35',
} as const;
