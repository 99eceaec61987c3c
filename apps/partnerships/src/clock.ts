import { Injectable } from '@nestjs/common';

/** The time as the domain sees it; injected so that tests and detection passes can fix it. */
@Injectable()
export class Clock {
  now(): Date {
    return new Date();
  }
}
