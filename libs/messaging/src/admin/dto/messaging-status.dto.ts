import { ApiProperty } from '@nestjs/swagger';

/** The service's outbox: what is committed and not yet acknowledged by the broker. */
export class OutboxStatusResponse {
  @ApiProperty({ description: 'Rows committed and not yet acknowledged by the broker.' })
  size!: number;

  @ApiProperty({ description: 'Age of the oldest of them, in seconds (0 when there are none).' })
  oldestAgeSeconds!: number;

  @ApiProperty({
    description: 'Whether the instance that answered runs the relay (one instance publishes at a time).',
  })
  relayInProcess!: boolean;
}

/** How far the group is behind on one partition, from the broker's offsets. */
export class PartitionLagResponse {
  @ApiProperty({ example: 'c2c.cities.v1' })
  topic!: string;

  @ApiProperty()
  partition!: number;

  @ApiProperty({ description: 'The next offset the group reads.' })
  committed!: string;

  @ApiProperty({ description: "The partition's high watermark." })
  end!: string;

  @ApiProperty({ description: 'Records written and not yet consumed: `end - committed`.' })
  lag!: number;
}

/** The service's consumer group and its lag on every topic it consumes. */
export class ConsumerStatusResponse {
  @ApiProperty({ example: 'partnerships' })
  group!: string;

  @ApiProperty({ description: 'The sum of the partitions’ lag.' })
  lag!: number;

  @ApiProperty({ type: [PartitionLagResponse], description: 'Empty for a service that consumes nothing.' })
  partitions!: PartitionLagResponse[];

  @ApiProperty({ example: 'c2c.dlq.partnerships', description: 'Where its dead letters go.' })
  deadLetterTopic!: string;
}
