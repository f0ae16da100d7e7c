import { type Database } from '@shardline/db';
export declare function database(): Database;
