import { mount } from 'svelte';
import App from './App.svelte';
import './app.css';
import { commandTally } from './lib/api';
import { markPlatform } from './lib/platform';
import { startupStep } from './lib/startup';

startupStep('script');
markPlatform(document.documentElement, navigator.userAgent);

// Read by the window benchmark from the page (see `commandTally`).
Object.defineProperty(window, 'rollplanCommands', { get: commandTally });

const target = document.getElementById('app');
if (!target) throw new Error('index.html has no #app element');

export default mount(App, { target });
