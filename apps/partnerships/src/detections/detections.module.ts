import { Module } from '@nestjs/common';
import { PartnershipsModule } from '../partnerships/partnerships.module';
import { DetectionScheduler } from './detections.scheduler';
import { DetectionsRepository } from './detections.repository';
import { RunDetections } from './run-detections.usecase';

@Module({
  imports: [PartnershipsModule],
  providers: [DetectionsRepository, RunDetections, DetectionScheduler],
  exports: [RunDetections],
})
export class DetectionsModule {}
