/**
 * Entry point of the player bundle: reads the course data the launch page carries, finds the
 * LMS, and starts the player.
 */
import type { CourseData } from '../tracking/learner-model/course-data.js';
import { createTracker } from '../tracking/create-tracker.js';
import './ccl-player/ccl-player.js';
import { strings } from './strings.js';

async function main(): Promise<void> {
  const dataElement = document.getElementById('course-data');
  const player = document.querySelector('ccl-player');
  if (!dataElement || !player) throw new Error('launch page is missing course data or the player');
  const course = JSON.parse(dataElement.textContent ?? '') as CourseData;
  const standard = document.querySelector<HTMLMetaElement>('meta[name="ccl-standard"]')?.content ?? null;
  document.body.style.margin = '0';
  player.course = course;
  const { tracker, notice } = await createTracker(course, standard);
  player.tracker = tracker;
  if (notice) player.notice = strings.launchNotice[notice.kind](notice.detail);
  await player.begin();
}

main().catch((e: unknown) => {
  console.error(e);
  const p = document.createElement('p');
  p.setAttribute('role', 'alert');
  p.textContent = strings.loadError;
  document.body.prepend(p);
});
