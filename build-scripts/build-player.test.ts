import { describe, expect, it } from 'vitest';
import { preloadsFor, type PlayerBuild } from './build-player.js';

/** A player build as Vite writes it: player.js, and chunks importing one another statically or by import(). */
const player: PlayerBuild = {
  files: new Map([
    ['player.js', 'import{a as b}from"./player-kinds.js";const t=()=>import("./player-cmi5-tracker.js"),v=()=>import("./player-view.js");'],
    ['player-kinds.js', 'export const a=1;'],
    ['player-cmi5-tracker.js', 'import{x}from"./player-xapi.js";import"./player-kinds.js";const l=()=>import("./player-local.js");'],
    ['player-xapi.js', 'export const x=1;'],
    ['player-local.js', 'export const l=1;'],
    ['player-view.js', 'export const v=1;'],
  ]),
  eager: ['player-kinds.js'],
};

describe('preloadsFor', () => {
  it('preloads the eager chunks, the ones a launch starts with and what they import statically, and no view it may never show', () => {
    expect(preloadsFor(player, ['player-cmi5-tracker.js']).sort()).toEqual(['player-cmi5-tracker.js', 'player-kinds.js', 'player-xapi.js']);
    expect(preloadsFor(player, [])).toEqual(['player-kinds.js']);
  });

  it('fails the build, naming the chunk, when a chunk a launch starts with is not in the build', () => {
    expect(() => preloadsFor(player, ['player-launch-params.js'])).toThrow(/no chunk player-launch-params\.js/);
  });
});
