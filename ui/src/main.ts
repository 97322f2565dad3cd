import { mount } from 'svelte';
import App from './App.svelte';
import './app.css';
import { markPlatform } from './lib/platform';
import { startupStep } from './lib/startup';

startupStep('script');
markPlatform(document.documentElement, navigator.userAgent);

const target = document.getElementById('app');
if (!target) throw new Error('index.html has no #app element');

export default mount(App, { target });
