// Registers <lk-login-form> before Vue renders it, so Vue sets what the
// element has (api-base as apiBase) as properties.
import 'lk-widgets/login-form';
import { createApp } from 'vue';
import App from './App.vue';

createApp(App).mount('#app');
