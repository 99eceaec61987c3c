import { Injectable } from '@nestjs/common';

/**
 * The time as the domain sees it. Use cases take it by injection instead of calling `new Date()`, so
 * a test (or a detection pass) can fix "now"; `ServiceModule` provides it to every service.
 */
@Injectable()
export class Clock {
  now(): Date {
    return new Date();
  }
}

/** A clock that says what it is told: for unit tests, and for runs at a chosen instant. */
export class FixedClock extends Clock {
  constructor(private instant: Date) {
    super();
  }

  override now(): Date {
    return new Date(this.instant);
  }

  /** Moves the clock on by `ms`. */
  advance(ms: number): void {
    this.instant = new Date(this.instant.getTime() + ms);
  }

  set(instant: Date): void {
    this.instant = new Date(instant);
  }
}
