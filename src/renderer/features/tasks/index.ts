// The tasks feature's public entry: the top bar's tray of work that runs on its own (pulls and pushes, transfers, log follows kept across a switch).
export { TasksTray } from './TasksTray';
