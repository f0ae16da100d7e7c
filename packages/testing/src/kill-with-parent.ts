// The preload that makes a child die with its parent, shared with npm start's emulator.
export { EXIT_WHEN_STDIN_CLOSES, killChildOnExit } from '@shardline/local-kinesis';
