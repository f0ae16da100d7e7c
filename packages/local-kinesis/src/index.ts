export { EXIT_WHEN_STDIN_CLOSES, killChildOnExit } from './exit-with-parent';
export {
  type KinesisLocal,
  type KinesisLocalOptions,
  KinesisLocalStartError,
  LOCAL_KINESIS_ACCOUNT,
  LOCAL_KINESIS_REGION,
  spawnKinesisLocal,
} from './spawn-kinesis-local';
