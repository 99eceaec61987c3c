// Ids shared by the events' examples, so that the AsyncAPI document tells one consistent story:
// Surabaya and Kitakyushu, Green Sister Cities since 2012, and the Takakura composting method that
// moved from one to the other.

export const EXAMPLE_IDS = {
  surabaya: '5b0f6d8e-3c47-4a1e-9d2b-7e6f1a2c8b41',
  kitakyushu: 'c3a9e2d4-6f18-4b7c-8e5a-0d2f9b4c1e73',
  daNang: '8e4d1c2b-9a7f-4e36-b5d0-3f6a2e1c9d58',
  daNangDuplicate: '0b6c3e9f-5d21-4f7a-8c4e-1a9d2b7f6e35',
  partnership: 'f2b7c9d1-4e8a-4c3f-a6b2-9d5e1f7a3c20',
  activity: '1d9e4f6a-2b3c-4d8e-9f0a-6c7b5e2d1a94',
  bestPractice: 'a7c5e3b1-8d2f-4a6e-b9c4-2e1f0d3a5b86',
  actor: '64e2a1f9-0c3d-4b5e-8a7f-9d1c2b3e4f50',
} as const;
